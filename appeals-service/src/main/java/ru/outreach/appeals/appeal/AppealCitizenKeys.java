package ru.outreach.appeals.appeal;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import ru.outreach.appeals.appeal.AppealRecords.Citizen;
import ru.outreach.appeals.audit.CitizenKeys;

/** The appeal's {@link CitizenKey} of a name and an address typed by the personal-data officer. */
@Component
class AppealCitizenKeys implements CitizenKeys {

    @Override
    public List<String> of(String fullName, String address) {
        // the address is the first one the appeal had: postal or e-mail (same normal form), or a phone (digits)
        return Stream.of(CitizenKey.of(new Citizen(fullName, address, null, null)),
                        CitizenKey.of(new Citizen(fullName, null, address, null)))
                .filter(Objects::nonNull).distinct().toList();
    }
}

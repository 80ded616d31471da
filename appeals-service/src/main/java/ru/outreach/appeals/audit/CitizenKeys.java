package ru.outreach.appeals.audit;

import java.util.List;

/**
 * The digests that an appeal would keep for a citizen of this name and address, so that the personal-data officer
 * can search the reads by citizen without the log holding names in clear. Implemented where appeals are.
 */
public interface CitizenKeys {

    /** The candidate digests (the address may be a postal address, an e-mail or a phone); empty if none. */
    List<String> of(String fullName, String address);
}

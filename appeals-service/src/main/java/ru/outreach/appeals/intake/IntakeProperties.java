package ru.outreach.appeals.intake;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param controller who controls instructions taken from minutes (regulation: the control department) */
@ConfigurationProperties("outreach.intake")
record IntakeProperties(
        @DefaultValue("Контрольно-организационный сектор") String controller) {
}

package ru.outreach.staffweb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pages for the people who do the work: signs staff in and calls the services' APIs with their tokens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StaffWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffWebApplication.class, args);
    }
}

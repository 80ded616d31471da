package ru.outreach.appeals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AppealsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AppealsApplication.class, args);
    }
}

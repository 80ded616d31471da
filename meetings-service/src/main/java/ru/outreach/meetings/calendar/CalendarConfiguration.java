package ru.outreach.meetings.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    ProductionCalendar productionCalendar(CalendarProperties properties) {
        return new ProductionCalendar(properties.extraDaysOff(), properties.extraWorkingDays());
    }
}

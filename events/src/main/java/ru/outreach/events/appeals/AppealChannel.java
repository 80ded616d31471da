package ru.outreach.events.appeals;

/** How an appeal arrived. */
public enum AppealChannel { POST, IN_PERSON, ELECTRONIC, PERSONAL_RECEPTION, MEETING }

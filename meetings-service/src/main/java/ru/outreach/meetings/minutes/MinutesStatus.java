package ru.outreach.meetings.minutes;

public enum MinutesStatus { DRAFT, SIGNED, HANDED_OVER }

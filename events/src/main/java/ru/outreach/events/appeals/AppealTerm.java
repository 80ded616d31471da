package ru.outreach.events.appeals;

/** The legal terms of an appeal (59-FZ): registration (art. 8 p. 2), answer (art. 12), redirect (art. 8 p. 3). */
public enum AppealTerm { REGISTRATION, ANSWER, REDIRECT }

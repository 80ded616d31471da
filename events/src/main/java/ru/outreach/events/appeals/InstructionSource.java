package ru.outreach.events.appeals;

/** Where an instruction comes from. */
public enum InstructionSource { MEETING, APPEAL, OTHER }

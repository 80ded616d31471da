/** Instructions under execution control: issued, accepted, reported, returned or closed, extended; deadline signals. */
package ru.outreach.appeals.instruction;

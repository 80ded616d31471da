/** Citizens' appeals under 59-FZ: registered, assigned, answered, extended, redirected, left without answer, closed. */
package ru.outreach.appeals.appeal;

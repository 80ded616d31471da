/** The appeals service: citizens' appeals under 59-FZ and the head's instructions, tracked to completion. */
package ru.outreach.appeals;

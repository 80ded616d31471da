/** The configurable classifier of appeal categories (questions residents ask). */
package ru.outreach.appeals.category;

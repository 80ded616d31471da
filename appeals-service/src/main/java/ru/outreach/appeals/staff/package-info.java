/** Who does a step and what he may see: the signed-in person from the token, his department's scope. */
package ru.outreach.appeals.staff;

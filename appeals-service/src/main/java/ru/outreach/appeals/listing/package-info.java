/** Lists in the order of their terms: what still awaits a step first, overdue and due soon at the top. */
package ru.outreach.appeals.listing;

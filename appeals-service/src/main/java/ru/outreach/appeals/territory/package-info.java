/** The territory brief for the meetings service: open appeals by category, open and overdue instructions. */
package ru.outreach.appeals.territory;

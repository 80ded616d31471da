/** Information groups: leader, secretary, members, the territories they work and whom they usually invite. */
package ru.outreach.meetings.group;

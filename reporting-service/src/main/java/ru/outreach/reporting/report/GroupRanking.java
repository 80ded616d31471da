package ru.outreach.reporting.report;

import java.util.List;
import java.util.Map;

/**
 * Report 4: the groups ranked by a transparent score. Every component is 0..1; the score is their weighted sum,
 * times 100.
 *
 * @param formula the formula in Russian, as the page shows it
 * @param weights component name → weight; they add up to 1
 */
public record GroupRanking(Period period, String formula, Map<String, Double> weights, List<RankedGroup> groups) {

    /**
     * @param regularity        quarters of the period with the rule met / quarters of the period ended so far
     * @param minutesOnTime     share of minutes handed over on time
     * @param instructionsOnTime share of the group's instructions closed on time, of those due in the period
     * @param residentsReached  the group's residents attending / the most any group reached
     */
    public record RankedGroup(int rank, String groupId, String groupName, double score, double regularity,
                              double minutesOnTime, double instructionsOnTime, double residentsReached) {
    }
}

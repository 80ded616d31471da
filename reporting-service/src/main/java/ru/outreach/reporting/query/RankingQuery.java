package ru.outreach.reporting.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.outreach.events.meetings.QuarterlyRule.Verdict;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupRanking.RankedGroup;
import ru.outreach.reporting.report.GroupsReport.GroupFigures;
import ru.outreach.reporting.report.GroupsReport.QuarterRule;
import ru.outreach.reporting.report.Period;

/** Report 4: the groups ranked by a weighted score of four shares, each 0..1. */
@Component
class RankingQuery {

    static final Map<String, Double> WEIGHTS = weights();
    static final String FORMULA = "Балл = 100 × (0,35 × Регулярность + 0,25 × Протоколы в срок"
            + " + 0,25 × Поручения в срок + 0,15 × Охват жителей), где"
            + " Регулярность — доля кварталов периода (завершившихся, а также текущего, если встреча в нём уже"
            + " проведена; кварталы, завершившиеся до образования группы, не учитываются), в которых группа провела"
            + " хотя бы одну встречу;"
            + " Протоколы в срок — доля протоколов со сроком передачи в периоде (уже сданных или с истёкшим сроком),"
            + " переданных в контрольно-организационный сектор не позднее срока;"
            + " Поручения в срок — доля поручений, данных на встречах группы, со сроком исполнения в периоде,"
            + " закрытых без нарушения срока;"
            + " Охват жителей — число жителей на встречах группы за период, делённое на наибольшее среди групп."
            + " Доля без знаменателя (ничего не было к сроку) считается равной 0.";

    private final GroupsQuery groups;
    private final Clock clock;

    RankingQuery(GroupsQuery groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    GroupRanking ranking(Period period) {
        LocalDate today = LocalDate.now(clock);
        Map<String, GroupTally> tallies = groups.tally(period, today);
        Map<String, String> names = groups.names();
        long mostResidents = tallies.values().stream().mapToLong(t -> t.get("residents")).max().orElse(0);
        List<RankedGroup> scored = new ArrayList<>();
        for (GroupTally t : tallies.values()) {
            String name = names.getOrDefault(t.groupId, t.groupId);
            GroupFigures figures = groups.figures(t, name, period, today);
            double regularity = regularity(figures.quarters(), today);
            double minutes = share(t.get("minutesOnTime"), t.get("minutesDue"));
            double instructions = share(t.get("dueClosedOnTime"), t.get("due"));
            double residents = share(t.get("residents"), mostResidents);
            double score = 100 * (WEIGHTS.get("regularity") * regularity + WEIGHTS.get("minutesOnTime") * minutes
                    + WEIGHTS.get("instructionsOnTime") * instructions + WEIGHTS.get("residentsReached") * residents);
            scored.add(new RankedGroup(0, t.groupId, name, Math.round(score * 10) / 10.0, regularity, minutes,
                    instructions, residents));
        }
        scored.sort(Comparator.comparingDouble(RankedGroup::score).reversed()
                .thenComparing(RankedGroup::groupName).thenComparing(RankedGroup::groupId));
        List<RankedGroup> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            RankedGroup g = scored.get(i);
            int rank = i > 0 && ranked.get(i - 1).score() == g.score() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RankedGroup(rank, g.groupId(), g.groupName(), g.score(), g.regularity(),
                    g.minutesOnTime(), g.instructionsOnTime(), g.residentsReached()));
        }
        return new GroupRanking(period, FORMULA, WEIGHTS, ranked);
    }

    /**
     * Quarters met / quarters that count: ended ones, and the current one once met; quarters that ended before the
     * group was formed do not count.
     */
    static double regularity(List<QuarterRule> quarters, LocalDate today) {
        long counted = quarters.stream().filter(q -> q.rule() == Verdict.MET || q.rule() == Verdict.NOT_MET).count();
        long met = quarters.stream().filter(q -> q.rule() == Verdict.MET).count();
        return share(met, counted);
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : GroupsQuery.round(part / (double) whole);
    }

    private static Map<String, Double> weights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("regularity", 0.35);
        weights.put("minutesOnTime", 0.25);
        weights.put("instructionsOnTime", 0.25);
        weights.put("residentsReached", 0.15);
        return java.util.Collections.unmodifiableMap(weights);
    }
}

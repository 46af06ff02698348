using Collections.Domain.Policy;

namespace Collections.TestSupport;

/// <summary>
/// The policy of short offsets that real-time runs on the Durable runtime use (its tests, the durable and chaos
/// benchmarks): every day a business day, a send window of the whole day, no minimum gaps, a final notice deadline of
/// one day; grade B steps on days 1 to 4 after the due date, grade D on days 1 to 3.
/// </summary>
public static class ShortLadderPolicy
{
    public static readonly DunningPolicy Policy = PolicyLoader.Parse("""
        {
          "sendWindow": { "open": "00:00", "close": "23:59" },
          "timings": { "preDueEnabled": false, "minimumGapDays": 0, "escalationMinDaysAfterFinalNotice": 0, "finalNoticeDeadlineDays": 1 },
          "ladders": {
            "A": { "escalationRequiresApproval": true, "steps": { "Reminder": 1, "Demand": 2, "FinalNotice": 3, "Escalation": 4 } },
            "B": { "steps": { "Reminder": 1, "Demand": 2, "FinalNotice": 3, "Escalation": 4 } },
            "C": { "steps": { "Reminder": 1, "Demand": 2, "FinalNotice": 3, "Escalation": 4 } },
            "D": { "steps": { "Demand": 1, "FinalNotice": 2, "Escalation": 3 } }
          },
          "calendars": { "default": { "workingDays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "holidays": [], "extraWorkingDays": [] } }
        }
        """).Policy ?? throw new InvalidOperationException("The short-ladder policy is invalid.");
}

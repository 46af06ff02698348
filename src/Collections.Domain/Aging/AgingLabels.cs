namespace Collections.Domain.Aging;

/// <summary>Classification of days overdue and the wire labels used by the CLI, API and KPIs.</summary>
public static class AgingLabels
{
    /// <summary>The bucket for a number of days overdue.</summary>
    public static AgingBucket BucketFor(int daysOverdue) => daysOverdue switch
    {
        <= 0 => AgingBucket.Current,
        <= 30 => AgingBucket.Days1To30,
        <= 60 => AgingBucket.Days31To60,
        <= 90 => AgingBucket.Days61To90,
        _ => AgingBucket.Over90,
    };

    /// <summary>The traffic light for a number of days overdue.</summary>
    public static TrafficLight LightFor(int daysOverdue) => daysOverdue switch
    {
        <= 0 => TrafficLight.Green,
        <= 30 => TrafficLight.Yellow,
        _ => TrafficLight.Red,
    };

    /// <summary><c>current</c>, <c>1-30</c>, <c>31-60</c>, <c>61-90</c> or <c>90+</c>.</summary>
    public static string ToLabel(this AgingBucket bucket) => bucket switch
    {
        AgingBucket.Current => "current",
        AgingBucket.Days1To30 => "1-30",
        AgingBucket.Days31To60 => "31-60",
        AgingBucket.Days61To90 => "61-90",
        _ => "90+",
    };

    /// <summary><c>green</c>, <c>yellow</c> or <c>red</c>.</summary>
    public static string ToLabel(this TrafficLight light) => light switch
    {
        TrafficLight.Green => "green",
        TrafficLight.Yellow => "yellow",
        _ => "red",
    };

    /// <summary>Parses a light label.</summary>
    public static bool TryParseLight(string? label, out TrafficLight light)
    {
        foreach (var l in Enum.GetValues<TrafficLight>())
        {
            if (string.Equals(l.ToLabel(), label, StringComparison.OrdinalIgnoreCase))
            {
                light = l;
                return true;
            }
        }

        light = default;
        return false;
    }
}

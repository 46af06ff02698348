namespace Collections.Domain.Aging;

/// <summary>The traffic light (红绿灯) of an account.</summary>
public enum TrafficLight
{
    /// <summary>Not overdue: remind before due.</summary>
    Green,

    /// <summary>Overdue 1 to 30 days.</summary>
    Yellow,

    /// <summary>Overdue more than 30 days.</summary>
    Red,
}

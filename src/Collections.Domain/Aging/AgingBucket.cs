namespace Collections.Domain.Aging;

/// <summary>Aging bucket of an account by its days overdue (domain.md section 3).</summary>
public enum AgingBucket
{
    /// <summary>Nothing overdue (<c>current</c>).</summary>
    Current,

    /// <summary>1 to 30 days (<c>1-30</c>).</summary>
    Days1To30,

    /// <summary>31 to 60 days (<c>31-60</c>).</summary>
    Days31To60,

    /// <summary>61 to 90 days (<c>61-90</c>).</summary>
    Days61To90,

    /// <summary>91 days and more (<c>90+</c>).</summary>
    Over90,
}

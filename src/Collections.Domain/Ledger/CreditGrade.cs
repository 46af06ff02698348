namespace Collections.Domain.Ledger;

/// <summary>The customer's credit grade, which selects the dunning ladder (A softest, D hardest).</summary>
public enum CreditGrade
{
    /// <summary>Strategic customer: soft ladder, escalation needs approval.</summary>
    A,

    /// <summary>Default grade.</summary>
    B,

    /// <summary>Hard ladder.</summary>
    C,

    /// <summary>Hardest ladder.</summary>
    D,
}

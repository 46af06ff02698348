namespace Collections.Pipeline.Queries;

/// <summary>Accounts in one aging bucket and what they owe in one currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Bucket"><c>current</c>, <c>1-30</c>, <c>31-60</c>, <c>61-90</c> or <c>90+</c>.</param>
/// <param name="Accounts">Accounts in the bucket with a positive open balance in the currency.</param>
/// <param name="Open">Their open balance in the currency (credits netted).</param>
/// <param name="Overdue">Their overdue balance in the currency.</param>
public sealed record AgingRow(string Currency, string Bucket, int Accounts, decimal Open, decimal Overdue);

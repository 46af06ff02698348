
namespace Collections.Domain.Cases.Events;

/// <summary>The do-not-contact flag is switched on or off: no debtor notices while on.</summary>
public sealed record DoNotContactChanged(bool On, string? Reason) : CaseEvent;

namespace Collections.Pipeline.Cases;

/// <summary>Another writer changed the case (or created it) first; reload and decide again.</summary>
public sealed class CaseConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CaseConcurrencyException(string caseId, Exception? inner = null)
        : base($"Case {caseId} was changed by another writer.", inner) => CaseId = caseId;

    /// <summary>The case.</summary>
    public string CaseId { get; }
}

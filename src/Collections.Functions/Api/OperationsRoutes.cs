namespace Collections.Functions.Api;

/// <summary>
/// The operations API's route table, shared by the <c>[HttpTrigger]</c> attributes (which need constants) and by
/// <see cref="All"/> (which the dispatcher and the tests read). Routes, names and policies equal the local host's
/// endpoints (<c>OperationsApi.MapOperationsApi</c> and <c>MapHealth</c>); a test compares the two.
/// </summary>
internal static class OperationsRoutes
{
    /// <summary>A reader or operator key (the host's <c>ApiRoles.ReadPolicy</c>).</summary>
    public const string ReadPolicy = "ApiRead";

    /// <summary>An operator key (the host's <c>ApiRoles.ActPolicy</c>).</summary>
    public const string ActPolicy = "ApiAct";

    public const string Health = "api/health";
    public const string OpenApi = "api/openapi.json";
    public const string Cases = "api/cases";
    public const string Case = "api/cases/{instanceId}";
    public const string Evidence = "api/cases/{instanceId}/evidence";
    public const string RaiseEvent = "api/cases/{instanceId}/raiseEvent/";
    public const string Promise = RaiseEvent + "promise";
    public const string Dispute = RaiseEvent + "dispute";
    public const string ResolveDispute = RaiseEvent + "resolveDispute";
    public const string Pause = RaiseEvent + "pause";
    public const string Resume = RaiseEvent + "resume";
    public const string EscalateNow = RaiseEvent + "escalateNow";
    public const string Approve = RaiseEvent + "approve";
    public const string Reject = RaiseEvent + "reject";
    public const string WriteOff = RaiseEvent + "writeOff";
    public const string DoNotContact = RaiseEvent + "doNotContact";
    public const string Terminate = "api/cases/{instanceId}/terminate";
    public const string Retry = "api/cases/{instanceId}/retry";
    public const string Purge = "api/cases/purge";
    public const string LedgerFiles = "api/ledger-files";
    public const string LedgerFile = "api/ledger-files/{id}";
    public const string Kpis = "api/kpis";
    public const string Overview = "api/overview";
    public const string WriteOffExport = "api/exports/write-offs";
    public const string CreditHoldExport = "api/exports/credit-holds";
    public const string ArchivedCases = "api/archive/cases";
    public const string ArchivedCase = "api/archive/cases/{instanceId}";

    private static readonly string[] Read = [ReadPolicy];
    private static readonly string[] Act = [ReadPolicy, ActPolicy];

    /// <summary>Every route, in the order the local host maps them. Names are the host's endpoint names.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("Health", "GET", Health, []),
        new("GetOpenApiDocument", "GET", OpenApi, Read),
        new("ListCases", "GET", Cases, Read),
        new("GetCase", "GET", Case, Read),
        new("GetEvidence", "GET", Evidence, Read),
        new("RaisePromise", "POST", Promise, Act),
        new("RaiseDispute", "POST", Dispute, Act),
        new("RaiseResolveDispute", "POST", ResolveDispute, Act),
        new("RaisePause", "POST", Pause, Act),
        new("RaiseResume", "POST", Resume, Act),
        new("RaiseEscalateNow", "POST", EscalateNow, Act),
        new("RaiseApprove", "POST", Approve, Act),
        new("RaiseReject", "POST", Reject, Act),
        new("RaiseWriteOff", "POST", WriteOff, Act),
        new("RaiseDoNotContact", "POST", DoNotContact, Act),
        new("TerminateCase", "POST", Terminate, Act),
        new("RetryCase", "POST", Retry, Act),
        new("PurgeCases", "POST", Purge, Act),
        new("ListLedgerFiles", "GET", LedgerFiles, Read),
        new("GetLedgerFile", "GET", LedgerFile, Read),
        new("GetKpis", "GET", Kpis, Read),
        new("GetOverview", "GET", Overview, Read),
        new("ExportWriteOffs", "GET", WriteOffExport, Read),
        new("ExportCreditHolds", "GET", CreditHoldExport, Read),
        new("ListArchivedCases", "GET", ArchivedCases, Read),
        new("GetArchivedCase", "GET", ArchivedCase, Read),
    ];

    /// <summary>A route by name.</summary>
    public static ApiRoute Named(string name) => All.Single(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// The names under which the case orchestration, its activities and its external event are registered.
/// Hosts (the local Durable runtime, the Azure Functions app's trigger wrappers) use these constants, so a
/// rename happens in one place and running instances keep finding their code.
/// </summary>
public static class CaseTasks
{
    /// <summary>The orchestrator: one instance per case, instance id = case id.</summary>
    public const string Orchestrator = "CaseOrchestrator";

    /// <summary>Writes the case projection, its new timeline rows and outbox rows.</summary>
    public const string SaveCase = "SaveCase";

    /// <summary>Renders and sends one notice of the outbox, exactly once.</summary>
    public const string SendNotice = "SendNotice";

    /// <summary>Writes the evidence pack for legal before the hand-off notice.</summary>
    public const string WriteEvidence = "WriteEvidencePack";

    /// <summary>The one external event every case signal (ledger snapshot, operator action) arrives as.</summary>
    public const string SignalEvent = "CaseSignal";
}

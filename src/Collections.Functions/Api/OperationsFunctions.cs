using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Collections.Functions.Api;

/// <summary>
/// The operations API as HTTP functions, one per route of <see cref="OperationsRoutes"/>: each only hands the request
/// to <see cref="OperationsDispatcher"/>. Anonymous at the Functions host: the API's own reader and operator keys
/// (<c>x-functions-key</c> header or <c>code</c> query parameter) are checked by the dispatcher, as in the local host.
/// Each takes the <c>[DurableClient]</c> binding: the handlers reach the cases' orchestrations through it.
/// </summary>
internal sealed class OperationsFunctions(OperationsDispatcher dispatcher)
{
    [Function(nameof(Health))]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.Health)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(Health), request, context, client);

    [Function(nameof(GetOpenApiDocument))]
    public Task<IResult> GetOpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.OpenApi)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetOpenApiDocument), request, context, client);

    [Function(nameof(ListCases))]
    public Task<IResult> ListCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.Cases)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(ListCases), request, context, client);

    [Function(nameof(GetCase))]
    public Task<IResult> GetCase([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.Case)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetCase), request, context, client);

    [Function(nameof(GetCaseOrchestration))]
    public Task<IResult> GetCaseOrchestration([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.CaseOrchestration)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetCaseOrchestration), request, context, client);

    [Function(nameof(GetEvidence))]
    public Task<IResult> GetEvidence([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.Evidence)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetEvidence), request, context, client);

    [Function(nameof(RaisePromise))]
    public Task<IResult> RaisePromise([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Promise)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaisePromise), request, context, client);

    [Function(nameof(RaiseDispute))]
    public Task<IResult> RaiseDispute([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Dispute)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseDispute), request, context, client);

    [Function(nameof(RaiseResolveDispute))]
    public Task<IResult> RaiseResolveDispute([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.ResolveDispute)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseResolveDispute), request, context, client);

    [Function(nameof(RaisePause))]
    public Task<IResult> RaisePause([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Pause)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaisePause), request, context, client);

    [Function(nameof(RaiseResume))]
    public Task<IResult> RaiseResume([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Resume)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseResume), request, context, client);

    [Function(nameof(RaiseEscalateNow))]
    public Task<IResult> RaiseEscalateNow([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.EscalateNow)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseEscalateNow), request, context, client);

    [Function(nameof(RaiseApprove))]
    public Task<IResult> RaiseApprove([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Approve)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseApprove), request, context, client);

    [Function(nameof(RaiseReject))]
    public Task<IResult> RaiseReject([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Reject)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseReject), request, context, client);

    [Function(nameof(RaiseWriteOff))]
    public Task<IResult> RaiseWriteOff([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.WriteOff)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseWriteOff), request, context, client);

    [Function(nameof(RaiseDoNotContact))]
    public Task<IResult> RaiseDoNotContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.DoNotContact)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RaiseDoNotContact), request, context, client);

    [Function(nameof(TerminateCase))]
    public Task<IResult> TerminateCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Terminate)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(TerminateCase), request, context, client);

    [Function(nameof(RetryCase))]
    public Task<IResult> RetryCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Retry)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(RetryCase), request, context, client);

    [Function(nameof(PurgeCases))]
    public Task<IResult> PurgeCases([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OperationsRoutes.Purge)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(PurgeCases), request, context, client);

    [Function(nameof(ListLedgerFiles))]
    public Task<IResult> ListLedgerFiles([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.LedgerFiles)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(ListLedgerFiles), request, context, client);

    [Function(nameof(GetLedgerFile))]
    public Task<IResult> GetLedgerFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.LedgerFile)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetLedgerFile), request, context, client);

    [Function(nameof(GetKpis))]
    public Task<IResult> GetKpis([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.Kpis)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetKpis), request, context, client);

    [Function(nameof(GetOverview))]
    public Task<IResult> GetOverview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.Overview)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetOverview), request, context, client);

    [Function(nameof(ExportWriteOffs))]
    public Task<IResult> ExportWriteOffs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.WriteOffExport)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(ExportWriteOffs), request, context, client);

    [Function(nameof(ExportCreditHolds))]
    public Task<IResult> ExportCreditHolds([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.CreditHoldExport)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(ExportCreditHolds), request, context, client);

    [Function(nameof(ListArchivedCases))]
    public Task<IResult> ListArchivedCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.ArchivedCases)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(ListArchivedCases), request, context, client);

    [Function(nameof(GetArchivedCase))]
    public Task<IResult> GetArchivedCase([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OperationsRoutes.ArchivedCase)] HttpRequest request, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        dispatcher.DispatchAsync(nameof(GetArchivedCase), request, context, client);
}

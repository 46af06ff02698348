using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace Collections.Operations.Apis;

/// <summary>The operations API under <c>/api</c>: services (auth, ProblemDetails, OpenAPI, JSON) and endpoints.</summary>
internal static class OperationsApi
{
    /// <summary>Where the OpenAPI document is published (a reader key is needed, like everything under /api but health).</summary>
    public const string OpenApiPath = "/api/openapi.json";

    public static IServiceCollection AddOperationsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Binding failures throw in every environment (not only Development), so the exception handler answers
        // them with ProblemDetails naming the field instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<EvidenceLocator>();
        services.AddSingleton<CaseInstancesFactory>();
        services.AddSingleton<KpiQuery>();
        services.AddSingleton<FinanceExportQuery>();
        services.AddAuthentication(ApiRoles.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiRoles.Scheme, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.ReadPolicy, p => p.AddAuthenticationSchemes(ApiRoles.Scheme).RequireRole(ApiRoles.Reader, ApiRoles.Operator))
            .AddPolicy(ApiRoles.ActPolicy, p => p.AddAuthenticationSchemes(ApiRoles.Scheme).RequireRole(ApiRoles.Operator));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Collections operations API";
            doc.Info.Description = "Watch and steer dunning cases. Send a key in the x-functions-key header or the code query parameter: reader keys read, operator keys act.";
            return Task.CompletedTask;
        }).AddApiKeySecurity());
        return services;
    }

    /// <summary>Maps the API's endpoints: on the local host's WebApplication, or on the Functions app's route builder.</summary>
    public static TBuilder MapOperationsApi<TBuilder>(this TBuilder app)
        where TBuilder : IEndpointRouteBuilder
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiRoles.ReadPolicy).ValidateResourceIds();
        api.MapCasesApi().MapCaseActionsApi().MapLedgerFilesApi().MapKpisApi().MapOverviewApi().MapExportsApi().MapArchiveApi();
        app.MapOpenApi(OpenApiPath).RequireAuthorization(ApiRoles.ReadPolicy);
        return app;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collections.Operations.Apis;

/// <summary>
/// Declares the API-key security scheme in the OpenAPI document (the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter, as in Azure Functions), requires it for the whole document, and lifts it for the
/// anonymous operations (health).
/// </summary>
internal static class OpenApiSecurity
{
    public const string HeaderScheme = "FunctionsKey";
    public const string QueryScheme = "FunctionsKeyQuery";

    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            doc.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiRoles.KeyHeader,
                Description = "A reader key (GET) or an operator key (GET and POST).",
            };
            doc.Components.SecuritySchemes[QueryScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Query,
                Name = ApiRoles.KeyQuery,
                Description = "The same key as a query parameter.",
            };

            // Alternatives: either scheme satisfies the document's requirement.
            doc.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, doc)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(QueryScheme, doc)] = [] },
            ];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
            }

            return Task.CompletedTask;
        });
        return options;
    }
}

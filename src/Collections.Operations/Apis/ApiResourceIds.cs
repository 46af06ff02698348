namespace Collections.Operations.Apis;

/// <summary>
/// The shape every id in a route must have before it reaches storage: 1 to 512 characters, none of the characters
/// Azure Table keys forbid (<c>/ \ # ?</c>) and no control characters. Anything else is a 400 naming the route
/// parameter; a well-formed id that does not exist is a 404 from the endpoint.
/// </summary>
internal static class ApiResourceIds
{
    public const int MaxLength = 512;

    /// <summary>The route parameters that carry ids.</summary>
    private static readonly string[] Names = ["instanceId", "id"];

    /// <summary>Why the id is not acceptable, or null.</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 0)
        {
            return "is required";
        }

        if (id.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        foreach (var c in id)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                return "contains a character ids never have (/ \\ # ? or a control character)";
            }
        }

        return null;
    }

    /// <summary>Checks every id route value of the group's endpoints before the handler runs.</summary>
    public static RouteGroupBuilder ValidateResourceIds(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var values = context.HttpContext.Request.RouteValues;
            foreach (var name in Names)
            {
                if (values.TryGetValue(name, out var value) && value is string id && Problem(id) is { } why)
                {
                    return ApiProblems.Invalid(name, why);
                }
            }

            return await next(context);
        });
        return group;
    }
}

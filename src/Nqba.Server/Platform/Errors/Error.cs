namespace Nqba.Server.Platform.Errors;

/// <summary>
/// An expected failure, returned as a value (not thrown) and mapped to an RFC 7807 problem in one place
/// (<see cref="ErrorResults"/>). <see cref="Fields"/> names the invalid fields of a validation error.
/// </summary>
public sealed record Error(string Code, string Title, string Detail, int Status, IDictionary<string, string[]>? Fields = null)
{
    public static Error NotFound(string what, object id) =>
        new("not_found", "Not found", $"{what} '{id}' does not exist or is not visible to you.", StatusCodes.Status404NotFound);

    public static Error Validation(string field, string message) =>
        new("validation", "Validation failed", message, StatusCodes.Status400BadRequest, new Dictionary<string, string[]> { [field] = [message] });

    public static Error Validation(IDictionary<string, string[]> fields) =>
        new("validation", "Validation failed", "One or more fields are invalid: " + string.Join(", ", fields.Keys) + ".", StatusCodes.Status400BadRequest, fields);

    public static Error Conflict(string detail) => new("conflict", "Conflict", detail, StatusCodes.Status409Conflict);

    /// <summary>The resource changed since the version an If-Match (or a form's version field) named.</summary>
    public static Error PreconditionFailed(string detail) => new("precondition_failed", "Precondition failed", detail, StatusCodes.Status412PreconditionFailed);

    public static Error Forbidden(string detail) => new("forbidden", "Forbidden", detail, StatusCodes.Status403Forbidden);

    public static Error Unauthorized(string code, string detail) => new(code, "Unauthorized", detail, StatusCodes.Status401Unauthorized);
}

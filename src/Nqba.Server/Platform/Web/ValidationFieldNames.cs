using System.Text.Json;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Names the fields of a validation problem as the JSON body and the forms spell them (<c>email</c>, not <c>Email</c>).
/// ASP.NET Core's minimal-API validation keys its errors by the C# member name and does not apply the JSON naming
/// policy (dotnet/aspnetcore#61764); a client matching <c>errors</c> against the fields it sent would miss them.
/// </summary>
internal static class ValidationFieldNames
{
    public static void UseJsonNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var name = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (name == key)
            {
                continue;
            }

            var messages = errors[key];
            errors.Remove(key);
            errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, .. messages] : messages;
        }
    }
}

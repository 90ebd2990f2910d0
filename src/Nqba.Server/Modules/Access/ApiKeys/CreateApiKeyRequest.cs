using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.ApiKeys;

internal sealed record CreateApiKeyRequest(
    [property: Required, MinLength(1), MaxLength(100)] string Name,
    [property: Range(1, 3650)] int? ExpiresInDays);

using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.ApiKeys;

public sealed record CreateApiKeyRequest(
    [Required, MinLength(1), MaxLength(100)] string Name,
    [Range(1, 3650)] int? ExpiresInDays);

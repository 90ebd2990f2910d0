using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Assignment;

public sealed record AgentRequest(
    [Required, MinLength(1), MaxLength(200)] string Name,
    [Required, EmailAddress, MaxLength(320)] string Email,
    [Required, MinLength(2), MaxLength(40)] string Team,
    [Required, RegularExpression("^(us-east|us-west|europe|apac)$", ErrorMessage = "regionCode must be one of us-east, us-west, europe, apac.")] string RegionCode,
    [MaxLength(100)] string Languages = "en",
    [MaxLength(500)] string Skills = "",
    [Range(1, 500)] int Capacity = 10,
    Guid? UserId = null,
    bool Available = false);

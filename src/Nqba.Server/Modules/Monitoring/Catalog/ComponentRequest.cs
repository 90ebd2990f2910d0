using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Catalog;

public sealed record ComponentRequest(
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,79}$")] string Key,
    [Required, StringLength(200)] string Name,
    [Required, StringLength(80)] string UnitCode,
    [Required, StringLength(200)] string UnitName,
    [Range(50.0, 100.0)] decimal TargetPercent);

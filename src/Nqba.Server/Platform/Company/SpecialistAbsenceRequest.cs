using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Company;

/// <summary>Marks a specialist away (ill, on leave) until an instant in the future.</summary>
public sealed record SpecialistAbsenceRequest([Required] DateTimeOffset? Until);

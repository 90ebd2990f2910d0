using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Company;

/// <summary>Changes a specialist's capacity (open leads they can carry) or whether they take part at all; omitted fields stay.</summary>
public sealed record SpecialistChangeRequest([Range(0, 500)] int? Capacity, bool? Active);

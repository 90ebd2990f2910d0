using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>The public "Do not sell or share my personal information" request (CCPA).</summary>
public sealed record DoNotSellRequest([Required, EmailAddress, MaxLength(320)] string Email);

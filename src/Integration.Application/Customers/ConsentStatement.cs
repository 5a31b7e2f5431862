using System.ComponentModel.DataAnnotations;
using Integration.Core.Common;
using Integration.Core.Customers;

namespace Integration.Application.Customers;

/// <summary>A customer granted or withdrew a consent: when, and where (every member is required; a bulk row missing one is rejected alone).</summary>
public sealed record ConsentStatement
{
    [Required(ErrorMessage = "purpose is marketing or data_sharing.")]
    public ConsentPurpose? Purpose { get; init; }

    /// <summary>True when granted, false when withdrawn.</summary>
    [Required(ErrorMessage = "granted is true (granted) or false (withdrawn).")]
    public bool? Granted { get; init; }

    /// <summary>When the customer granted or withdrew it (ISO 8601, from 2000 on, not in the future).</summary>
    [Required(ErrorMessage = "at is when the customer granted or withdrew the consent.")]
    public DateTimeOffset? At { get; init; }

    /// <summary>Where it was given: a code such as <c>pos:store-12</c> or <c>web_signup</c>, not personal data.</summary>
    [Required(ErrorMessage = "A consent needs its source: where the customer gave it (e.g. pos:store-12).")]
    [StringLength(ContractLimits.ConsentSource)]
    [RegularExpression(ContractPatterns.ConsentSource, ErrorMessage = "source is a code of letters, digits and _ . : / - (up to 64), such as pos:store-12.")]
    public string? Source { get; init; }
}

namespace Integration.Api.Sandbox;

/// <summary>
/// An operation a partner may call while its sandbox clock advances in the background (reading the
/// clock and the advance); every other sandbox request is 409 <c>clock_advancing</c> meanwhile.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadableWhileAdvancingAttribute : Attribute;

namespace Integration.Web.Resources;

/// <summary>The web's words: Text.resx in English, Text.zh-CN.resx in Simplified Chinese.</summary>
public sealed class Text;

using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Monitoring;

/// <summary>What the officer's dashboard and the quarterly report show.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "DistrictMap:Monitoring";

    /// <summary>How many quarters, up to the chosen one, the RAG charts show.</summary>
    [Range(1, 12)]
    public int QuartersShown { get; set; } = 4;

    /// <summary>How many quarters, back from the current one, the quarter picker offers.</summary>
    [Range(1, 40)]
    public int QuartersOffered { get; set; } = 8;

    /// <summary>The most audit entries one dashboard or report lists, newest first.</summary>
    [Range(1, 5000)]
    public int AuditRows { get; set; } = 200;
}

/// <summary>How the quarterly report is printed to PDF: by a headless Chromium that opens the report's HTML.</summary>
public sealed class ReportPdfOptions
{
    public const string Section = "DistrictMap:ReportPdf";

    /// <summary>The Chromium (or Chrome) executable.</summary>
    [Required]
    public string BrowserPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Where the browser reaches this application, such as http://127.0.0.1:5080. By default the first
    /// address the server listens on (a wildcard host becomes 127.0.0.1); never the request's Host header.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long the browser may take to load, draw and print the report.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}

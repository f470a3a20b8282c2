"""安全备案 filings: ICP, 公安 and 等保 rules and deadlines, their services, probe sweeps."""

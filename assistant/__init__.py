"""年报助手: drafting, checking and answering questions about 政府信息公开工作年度报告."""

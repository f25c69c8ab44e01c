"""WCAG 2 contrast ratios between two sRGB colours written as #rrggbb.

    >>> round(contrast("#000000", "#ffffff"), 1)
    21.0
    >>> contrast("#767676", "#ffffff") >= 4.5
    True
"""


def luminance(colour: str) -> float:
    """Relative luminance of `#rrggbb` (WCAG 2, section "relative luminance")."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)

"""zhibiao (指标): dated indicator facts from Chinese economic documents."""

__version__ = "0.1.0"

from . import models
from .hooks import post_load

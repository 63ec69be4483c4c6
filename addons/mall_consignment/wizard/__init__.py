from . import mall_sale_import

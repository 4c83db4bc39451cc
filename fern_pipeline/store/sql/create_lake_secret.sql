CREATE TEMPORARY SECRET fern_lake (
    TYPE ducklake,
    METADATA_PATH 'postgres:' || getvariable('fern_lake').catalog,
    DATA_PATH getvariable('fern_lake').data_path
)

ATTACH 'ducklake:fern_lake' AS lake;
USE lake;
